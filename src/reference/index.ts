/**
 * The legal facts as data (reference/*.json, copied from the steering repository's shared/reference/).
 * Code reads them from here; nothing restates them.
 */
import countries from '../../reference/countries.json' with { type: 'json' };
import deadlines from '../../reference/deadlines.json' with { type: 'json' };
import gdprItems from '../../reference/gdpr-items.json' with { type: 'json' };
import identifiersNl from '../../reference/identifiers-nl.json' with { type: 'json' };
import retentionNl from '../../reference/retention-nl.json' with { type: 'json' };

export { countries, deadlines, gdprItems, identifiersNl, retentionNl };
