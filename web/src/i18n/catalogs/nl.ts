import { errors, roles, validation } from '../../../../src/platform/i18n/nl.json';
import web from '../nl.json';
import { type Messages, mountModules } from './mount.ts';

const modules = import.meta.glob<Messages>('../*/nl.json', { eager: true, import: 'default' });

/** Everything a Dutch-speaking person reads: the web texts, each module's texts, and the server's messages. */
export default { ...web, ...mountModules(modules), errors, validation, roles } as Messages;
