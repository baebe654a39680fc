/** What to show for a thrown value: an Error's message (ours are written for users), else the value. */
export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
