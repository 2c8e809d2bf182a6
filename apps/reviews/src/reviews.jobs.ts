/** Every job the reviews service declares: none yet (panels and their deadlines come later). */
export const reviewsJobs = [] as const;
