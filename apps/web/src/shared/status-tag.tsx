import { Tag } from 'antd';
import type { Bilingual } from '../i18n/language';
import { useT } from '../i18n/language-context';

/** A status as a coloured tag, in the page's language. */
export function StatusTag({ table, status }: { table: Record<string, Bilingual & { color: string }>; status: string }) {
  const t = useT();
  const label = table[status];
  return <Tag color={label?.color ?? 'default'}>{label ? t(label) : status}</Tag>;
}
