import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { type ReactNode, useMemo, useState } from 'react';
import { currentLanguage, type Language, storeLanguage } from './language';
import { LanguageContext } from './language-context';

/** The sober palette of a government back office: a deep red brand, square corners, dense tables. */
const THEME = {
  token: {
    colorPrimary: '#a8071a',
    colorLink: '#a8071a',
    borderRadius: 2,
    fontFamily:
      "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', -apple-system, 'Segoe UI', sans-serif",
  },
};

/** zh-CN by default (antd's zhCN and dayjs's zh-cn), English on request. */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setState] = useState<Language>(currentLanguage);
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
  const value = useMemo(
    () => ({
      language,
      setLanguage: (next: Language) => {
        storeLanguage(next);
        document.documentElement.lang = next === 'en' ? 'en' : 'zh-CN';
        setState(next);
      },
    }),
    [language],
  );
  return (
    <LanguageContext.Provider value={value}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}
