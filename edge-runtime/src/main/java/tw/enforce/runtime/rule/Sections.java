package tw.enforce.runtime.rule;

/** The one check every {@code fromSite} factory makes: the site section the rule is built from is there. */
final class Sections {
    private Sections() {
    }

    static <T> T require(T section, String name) {
        if (section == null) {
            throw new IllegalArgumentException("site config has no " + name + ": the rule is not enabled at this site");
        }
        return section;
    }
}
