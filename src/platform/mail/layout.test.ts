import { describe, expect, it } from 'vitest';
import { composeText, renderHtml } from './layout.ts';

const body = (html: string) => html.slice(html.indexOf('<body'), html.indexOf('<hr>'));

describe('renderHtml', () => {
  it('escapes markup so a name cannot inject HTML', () => {
    const html = renderHtml('Hi <b>', 'Hello <script>alert("x")</script> & \'you\'', 'en');
    expect(body(html)).toContain('Hello &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;you&#39;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title>Hi &#60;b&#62;</title>');
  });

  it('turns paragraphs into <p> and single line breaks into <br>', () => {
    expect(body(renderHtml('s', 'one\ntwo\n\nthree', 'nl'))).toContain('<p>one<br>two</p>\n<p>three</p>');
  });

  it('makes links clickable, with their query string escaped once', () => {
    const html = renderHtml('s', 'Open https://pd.example/reset?token=a&b=c now', 'nl');
    expect(body(html)).toContain(
      'Open <a href="https://pd.example/reset?token=a&#38;b=c">https://pd.example/reset?token=a&#38;b=c</a> now',
    );
  });

  it('leaves sentence punctuation and quotes after a link out of it', () => {
    const html = body(
      renderHtml('s', "See https://pd.example/a. Or 'https://pd.example/b', (https://pd.example/c)", 'en'),
    );
    expect(html).toContain('<a href="https://pd.example/a">https://pd.example/a</a>.');
    expect(html).toContain('&#39;<a href="https://pd.example/b">https://pd.example/b</a>&#39;,');
    expect(html).toContain('(<a href="https://pd.example/c">https://pd.example/c</a>)');
  });

  it('does not link other schemes', () => {
    expect(body(renderHtml('s', 'javascript:alert(1) ftp://x.nl', 'en'))).not.toContain('<a ');
  });

  it('writes the footer and the lang attribute in the message language, Dutch for anything unknown', () => {
    expect(renderHtml('s', 't', 'en')).toContain('<html lang="en">');
    expect(renderHtml('s', 't', 'en')).toContain('Sent by privacydesk');
    expect(renderHtml('s', 't', 'x" onload="evil')).toContain('<html lang="nl">');
  });
});

describe('composeText', () => {
  it('joins the paragraphs with blank lines and ends with the sign-off in the language', () => {
    expect(composeText('en', ['Hello Ann,', 'Body.'])).toBe('Hello Ann,\n\nBody.\n\nKind regards,\nprivacydesk');
    expect(composeText('nl', ['Hallo Ann,'])).toMatch(/^Hallo Ann,\n\n\S/);
    expect(composeText('nl', ['Hallo Ann,'])).not.toContain('Kind regards');
  });
});
