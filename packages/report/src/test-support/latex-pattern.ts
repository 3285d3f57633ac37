/**
 * Raw TeX in text: `^{…}`, `_{…}`, `\command`, or a one-character subscript written with `_`
 * (D_l, ‖_F, W_1) — but not a snake_case identifier such as the task `multi_index_relu`.
 */
export const LATEX_LIKE = /\^\{|_\{|\\[a-zA-Z]+|[A-Za-z0-9‖)]_[A-Za-z0-9](?![A-Za-z0-9_])/;
