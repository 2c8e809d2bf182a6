import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import type { UploadFile } from 'antd/es/upload/interface';
import { useT } from '../i18n/language-context';
import { MAX_UPLOAD_BYTES, UPLOAD_TYPES } from './file-upload.util';

/**
 * A file input kept in the browser until the form is sent (antd Upload without a request): the form field holds the
 * chosen files; type and size are checked here, the bytes by the service.
 */
export function UploadField(props: {
  value?: UploadFile[];
  onChange?: (files: UploadFile[]) => void;
  max: number;
  accept?: readonly string[];
  testId?: string;
  /** What may be chosen, when not the public's PNG, JPEG or PDF up to 256 KB. */
  hint?: { zh: string; en: string };
}) {
  const t = useT();
  const accept = props.accept ?? UPLOAD_TYPES;
  return (
    <div data-testid={props.testId}>
      <Upload
        accept={accept.join(',')}
        fileList={props.value ?? []}
        maxCount={props.max}
        multiple={props.max > 1}
        beforeUpload={() => false}
        onChange={({ fileList }) => props.onChange?.(fileList)}
      >
        <Button icon={<UploadOutlined />}>{t({ zh: '选择文件', en: 'Choose a file' })}</Button>
        <span style={{ marginLeft: 8, color: '#888' }}>
          {t(
            props.hint ?? {
              zh: `PNG、JPEG 或 PDF，单个不超过 ${MAX_UPLOAD_BYTES / 1024} KB`,
              en: `PNG, JPEG or PDF, up to ${MAX_UPLOAD_BYTES / 1024} KB each`,
            },
          )}
        </span>
      </Upload>
    </div>
  );
}

/** The antd form rule that checks the chosen files' types and sizes, in the page's language. */
export function uploadRule(t: (text: { zh: string; en: string }) => string, accept: readonly string[] = UPLOAD_TYPES) {
  return {
    validator: async (_: unknown, files?: UploadFile[]) => {
      for (const file of files ?? []) {
        if (file.type && !accept.includes(file.type))
          throw new Error(t({ zh: `${file.name}：文件类型不符`, en: `${file.name}: file type not accepted` }));
        if ((file.size ?? 0) > MAX_UPLOAD_BYTES)
          throw new Error(t({ zh: `${file.name}：超过 256 KB`, en: `${file.name}: larger than 256 KB` }));
      }
    },
  };
}
