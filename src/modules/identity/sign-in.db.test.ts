import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { TestClient } from '../../../test/client.ts';
import { createPerson, TEST_PASSWORD } from '../../../test/factories.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('sign-in', () => {
  it('signs a person in with the right password and hands out a CSRF token', async () => {
    const person = await createPerson(app);
    const client = new TestClient(app.http);
    const response = await client.post('/api/auth/sign-in', {
      email: person.email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(response.status).toBe(200);
    expect(response.body.status).toBe('signed_in');
    expect(response.body.session.user.email).toBe(person.email);
    expect(response.body.session.csrfToken).toMatch(/.{20,}/);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(person.email);
  });

  it('refuses a wrong password with a localised problem', async () => {
    const person = await createPerson(app);
    const client = new TestClient(app.http, { locale: 'en' });
    const response = await client.post('/api/auth/sign-in', { email: person.email, password: 'wrong password!!' });
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).toMatchObject({
      code: 'invalid_credentials',
      detail: 'The e-mail address or password is incorrect.',
    });
  });
});
