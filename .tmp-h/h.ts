import { loadKb } from '../src/kb/load.js';
import { claim } from '../src/quiz/kinds/claim.js';
import { eventDate, year } from '../src/quiz/kinds/event-date.js';
import { fate } from '../src/quiz/kinds/fate.js';
import { figure } from '../src/quiz/kinds/figure.js';
import { order } from '../src/quiz/kinds/order.js';
import { who } from '../src/quiz/kinds/who.js';
import { seededRandom } from '../src/quiz/random.js';
import { generateQuestions } from '../src/quiz/generate.js';
const ms = (a: bigint) => (Number(process.hrtime.bigint() - a) / 1e6).toFixed(1);
async function main() {
const t0 = process.hrtime.bigint();
const kb = await loadKb({}, []);
console.log('load', ms(t0));
const scope = { topic: 'all' } as any;
for (const [name, k] of Object.entries({ claim, eventDate, year, fate, figure, order, who })) { const t = process.hrtime.bigint(); const n = (k as any).subjects(kb, scope, seededRandom('x')).length; console.log(name, n, ms(t)); }
const t = process.hrtime.bigint(); generateQuestions(kb, scope, 1, seededRandom('bench')); console.log('generate(1)', ms(t));
const t2 = process.hrtime.bigint(); generateQuestions(kb, scope, 10, seededRandom('bench2')); console.log('generate(10) warm', ms(t2));
}
main();
