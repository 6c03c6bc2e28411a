import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileLexicon, LEXICON_CEILING } from './lexicon-scorer.js';
import { defaultThemeLexicon } from './default-theme-lexicon.js';
import { blendWeight, suggestThemes } from './suggest-themes.js';
import { compileThemeModel } from './theme-classifier.js';
import { parseThemeModel, serialiseThemeModel } from './theme-model.js';
import { trainThemeModel } from './train-theme-model.js';

const terms = [
  { id: 't-war', slug: 'militarization-and-wmd', name: 'Militarization and WMD' },
  { id: 't-food', slug: 'food-and-agriculture', name: 'Food and Agriculture' },
  { id: 't-sport', slug: 'sport', name: 'Sport' },
];

// A small synthetic archive: varied sentences per theme, so the learner has to generalise.
const war = ['The army tested a new missile near the border', 'Generals moved tanks and troops to the front', 'The navy launched a submarine armed with torpedoes', 'Artillery and missile units held drills', 'Soldiers and tanks crossed the river at dawn'];
const food = ['Farmers expect a record wheat harvest this autumn', 'Grain prices rose as the maize crop failed', 'The harvest of rice and wheat was delayed by rain', 'Cattle farmers asked for cheaper feed grain', 'Fertiliser costs squeezed wheat growers'];
const sport = ['The striker scored twice in the cup final', 'Fans cheered as the goalkeeper saved a penalty', 'The coach praised the team after the league match', 'A late goal won the derby for the home side', 'The captain lifted the trophy after the final whistle'];
const examples = [...war.map((text) => ({ text, labels: ['t-war'] })), ...food.map((text) => ({ text, labels: ['t-food'] })), ...sport.map((text) => ({ text, labels: ['t-sport'] }))]
  .flatMap((e, i) => [e, { text: `${e.text}. Reports said so on day ${i}.`, labels: e.labels }]);

describe('theme suggestions', () => {
  const model = trainThemeModel(examples, { minDocumentFrequency: 1, folds: 0 });

  it('learns themes from tagged articles and ranks the right one first', () => {
    const suggestions = suggestThemes('Troops and tanks gathered while a missile was tested', { terms, model: compileThemeModel(model) });
    assert.equal(suggestions[0]?.termId, 't-war');
    const sport = suggestThemes('The goalkeeper saved a penalty in the cup final', { terms, model: compileThemeModel(model) }, { minScore: 0 });
    assert.equal(sport[0]?.termSlug, 'sport');
  });

  it('gives evidence as spans of the text that contributed', () => {
    const text = 'Wheat farmers fear the harvest will fail';
    const [top] = suggestThemes(text, { terms, model: compileThemeModel(model), lexicon: compileLexicon(defaultThemeLexicon) });
    assert.equal(top?.termId, 't-food');
    assert.ok(top.evidence.length > 0);
    for (const e of top.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok(top.evidence.some((e) => /wheat|harvest|farmers/i.test(e.text)));
  });

  it('survives storage as JSON unchanged in its scores', () => {
    const restored = parseThemeModel(serialiseThemeModel(model));
    assert.ok(restored);
    const text = 'Farmers sold their grain';
    assert.deepEqual(suggestThemes(text, { terms, model: compileThemeModel(restored) }), suggestThemes(text, { terms, model: compileThemeModel(model) }));
    assert.equal(parseThemeModel('{"version":2}'), null);
    assert.equal(parseThemeModel(JSON.stringify({ ...model, classes: [{ ...model.classes[0], featureIndexes: [model.features.length] , weights: [1] }] })), null);
  });

  it('suggests from the lexicon alone on a new site, never reaching the default auto-apply threshold', () => {
    const lexicon = compileLexicon(defaultThemeLexicon);
    const text = 'Talks on arms control and missile defence failed; the nuclear warheads stay.';
    const [top] = suggestThemes(text, { terms, lexicon });
    assert.equal(top?.termSlug, 'militarization-and-wmd');
    assert.ok(top.score <= LEXICON_CEILING && !top.autoApply);
    assert.equal(top.parts.modelWeight, 0);
    const [lenient] = suggestThemes(text, { terms, lexicon }, { autoApplyThreshold: 0.3 });
    assert.equal(lenient?.autoApply, true, 'the threshold is the site\'s to set');
  });

  it('weighs the learned model more as a term gathers tagged articles', () => {
    assert.equal(blendWeight(0), 0);
    assert.equal(blendWeight(20, 20), 0.5);
    assert.ok(blendWeight(500) > 0.95);
    assert.ok(blendWeight(3) < blendWeight(30));
  });

  it('leaves out terms below the minimum score and respects the limit', () => {
    const all = suggestThemes('Missile troops and wheat farmers at the cup final', { terms, model: compileThemeModel(model) }, { minScore: 0, limit: 2 });
    assert.equal(all.length, 2);
    const none = suggestThemes('Missile troops', { terms, model: compileThemeModel(model) }, { minScore: 1.01 });
    assert.deepEqual(none, []);
  });
});
