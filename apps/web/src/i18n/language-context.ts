import { createContext, useContext } from 'react';
import type { Bilingual, Language } from './language';

export interface LanguageState {
  language: Language;
  setLanguage(language: Language): void;
}

export const LanguageContext = createContext<LanguageState>({ language: 'zh', setLanguage: () => undefined });

/** The page's language and a translator of bilingual texts. */
export function useT() {
  const { language } = useContext(LanguageContext);
  return Object.assign((text: Bilingual) => text[language], { language });
}

export const useLanguage = () => useContext(LanguageContext);
