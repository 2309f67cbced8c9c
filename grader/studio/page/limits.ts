/** The largest side of a dropped picture: the page scales it down to this, the server refuses larger. */
export const MAX_DROPPED_SIDE = 96;
