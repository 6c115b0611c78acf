import { errors, roles, validation } from '../../../../src/platform/i18n/en.json';
import web from '../en.json';
import { type Messages, mountModules } from './mount.ts';

const modules = import.meta.glob<Messages>('../*/en.json', { eager: true, import: 'default' });

/** Everything an English-speaking person reads: the web texts, each module's texts, and the server's messages. */
export default { ...web, ...mountModules(modules), errors, validation, roles } as Messages;
