import { tenantRoleSchema } from '@laurel/contracts';
import { z } from 'zod';

export const username = z
  .string()
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9._@-]{2,63}$/, '3–64 letters, digits, . _ @ -, starting with a letter or digit');
export const password = z.string().min(10, 'at least 10 characters').max(256);

export const createUserBody = z
  .object({
    username,
    password,
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(tenantRoleSchema).min(1).max(7),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserBody>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userSchema>;
