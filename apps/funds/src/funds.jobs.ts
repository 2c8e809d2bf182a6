/** Every job the funds service declares: none yet (clawback reminders and escalation come with clawback). */
export const fundsJobs = [] as const;
