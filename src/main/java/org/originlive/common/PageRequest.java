package org.originlive.common;

/** A validated {@code ?page=&size=} pair; size is 1..100, default 20. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    public static PageRequest of(String page, String size) {
        int p = Params.integer("page", page, 0);
        int s = Params.integer("size", size, 20);
        if (p < 0) {
            throw ProblemException.badRequest("page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw ProblemException.badRequest("size must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
