/** Code-unit order (what `<` compares on strings), independent of the locale, so every machine sorts alike. */
export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
