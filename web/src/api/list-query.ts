/** A list's query as the client sends it: the paging fields are numbers (the server coerces them from text). */
export type ListFilters<TInput> = Omit<TInput, 'limit' | 'offset'> & { limit?: number; offset?: number };
