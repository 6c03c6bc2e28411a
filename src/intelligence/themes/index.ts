/** Theme suggestion: train a classifier on tagged articles, blend it with a starting lexicon, suggest terms with evidence. */
export { trainThemeModel, type TrainingExample, type TrainOptions } from './train-theme-model.js';
export { parseThemeModel, serialiseThemeModel, type ThemeModel, type ThemeClassModel } from './theme-model.js';
export { compileThemeModel, scoreThemeModel, type CompiledThemeModel, type ClassScore } from './theme-classifier.js';
export { compileLexicon, scoreLexicon, LEXICON_CEILING, type CompiledLexicon, type LexiconMatch } from './lexicon-scorer.js';
export { defaultThemeLexicon, type ThemeLexicon } from './default-theme-lexicon.js';
export {
  suggestThemes, blendWeight, DEFAULT_AUTO_APPLY_THRESHOLD, type ThemeSuggestion, type ThemeTerm, type SuggestOptions,
} from './suggest-themes.js';
export { themeTokens, featureCounts, type ThemeToken } from './theme-text.js';
