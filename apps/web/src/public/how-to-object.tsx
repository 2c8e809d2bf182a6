import { Alert, Descriptions } from 'antd';
import type { PublicNotice } from '../api/api-types';
import { formatPeriod, plainBasis } from '../format/shanghai-time';
import { useT } from '../i18n/language-context';
import { IDENTITY_FIELDS } from './identity-fields';

/** How to object to this notice, as its regulation says: to whom, in what form, with what identity, and the article. */
export function HowToObject({ notice }: { notice: PublicNotice }) {
  const t = useT();
  const how = notice.howToObject;
  const fields = (keys: string[]) => keys.map((key) => t(IDENTITY_FIELDS[key] ?? { zh: key, en: key })).join('、');
  return (
    <>
      {!how.open && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t({ zh: '本公示现不接受异议', en: 'This notice takes no objection now' })}
        />
      )}
      <Descriptions column={1} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t({ zh: '受理机构', en: 'Received by' })}>
          {how.receiver ? t(how.receiver) : t({ zh: '评审工作办公室', en: 'The office' })}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '提出方式', en: 'How' })}>
          {how.inWriting ? t({ zh: '书面提出', en: 'In writing' }) : t({ zh: '不限', en: 'Any form' })}
          {how.evidenceRequired ? t({ zh: '，并附相关证据材料', en: ', with supporting evidence' }) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '身份要求', en: 'Identity' })}>
          {how.identity ? (
            <>
              <div>
                {t({ zh: '个人：', en: 'A person: ' })}
                {fields(how.identity.person)}
              </div>
              <div>
                {t({ zh: '单位：', en: 'An organisation: ' })}
                {fields(how.identity.organisation)}
              </div>
              <div style={{ color: '#888' }}>{plainBasis(how.identity.basis)}</div>
            </>
          ) : (
            t({ zh: '办法未要求提供身份信息', en: 'The regulation requires no identity' })
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t({ zh: '审查期限', en: 'Examined within' })}>
          {how.examination
            ? formatPeriod(how.examination, t.language)
            : t({ zh: '办法未规定', en: 'not set by the regulation' })}
        </Descriptions.Item>
        {how.basis && (
          <Descriptions.Item label={t({ zh: '依据', en: 'Basis' })}>{plainBasis(how.basis)}</Descriptions.Item>
        )}
      </Descriptions>
    </>
  );
}
