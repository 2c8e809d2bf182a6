/** The page's language: zh-CN unless the reader chose English (kept in localStorage). */
export type Language = 'zh' | 'en';

const KEY = 'laurel.language';

export function currentLanguage(): Language {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function storeLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
}

/** A text in both languages; pages write both side by side. */
export interface Bilingual {
  zh: string;
  en: string;
}
