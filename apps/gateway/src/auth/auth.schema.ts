import { z } from 'zod';

export const loginBody = z
  .object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) })
  .strict();
export const refreshBody = z.object({ refreshToken: z.string().min(20).max(256) }).strict();
export const tokensSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int(),
  tokenType: z.literal('Bearer'),
});
export type Tokens = z.infer<typeof tokensSchema>;
