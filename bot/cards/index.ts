// Every card the app sends, built from domain data in the user's language. A capability's own card
// lives beside its buttons (ideas/card.ts, reflections/card.ts, analysis/card.ts); this is the one index.
export { buildAgendaCard, type AgendaCardInput } from './agendaCard';
export { buildReflectionCard, REFLECTION_VERBS, answerInputId, SHARED_INPUT_ID, type ReflectionCardInput } from '../reflections/card';
export { buildIdeaLotCard, IDEA_VERBS, IDEA_TEXT_INPUT_ID, statusInputId, ideaOrder, type IdeaLotCardInput } from '../ideas/card';
export { CARD_CONTENT_TYPE, MAX_CARD_BYTES, cardBytes, clean, type AdaptiveCard } from './shared';
export { agendaCardFor, analysisCardFor, reflectionCardFor, reflectionQuestionsOf, ideaLotCardFor, type ReflectionView, type IdeaLotView } from './forNetwork';
export { buildAnalysisCard, ANALYSIS_VERBS, ANALYSIS_CATEGORY_INPUT_ID, ANALYSIS_TEXT_INPUT_ID, type AnalysisCardInput } from '../analysis/card';
