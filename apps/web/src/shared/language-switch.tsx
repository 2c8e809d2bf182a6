import { Segmented } from 'antd';
import { useLanguage } from '../i18n/language-context';

/** 中文 / English: Chinese by default, English on request. */
export function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  return (
    <Segmented
      size="small"
      value={language}
      onChange={(value) => setLanguage(value as 'zh' | 'en')}
      options={[
        { label: '中文', value: 'zh' },
        { label: 'English', value: 'en' },
      ]}
    />
  );
}
