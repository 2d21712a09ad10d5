/** The page's h1, where focus goes after navigation or when the focused control disappears. */
export const pageTitleId = 'page-title';
