package tw.enforce.sync.mqtt;

/** MQTT topic filter matching ('+' one level, '#' the rest), with a shared subscription's "$share/group/" stripped. */
final class TopicFilter {
    private TopicFilter() {
    }

    static boolean matches(String filter, String topic) {
        String f = filter;
        if (f.startsWith("$share/")) {
            int groupEnd = f.indexOf('/', "$share/".length());
            f = groupEnd < 0 ? "" : f.substring(groupEnd + 1);
        }
        String[] fl = f.split("/", -1);
        String[] tl = topic.split("/", -1);
        for (int i = 0; i < fl.length; i++) {
            if (fl[i].equals("#")) {
                return true;
            }
            if (i >= tl.length || !(fl[i].equals("+") || fl[i].equals(tl[i]))) {
                return false;
            }
        }
        return fl.length == tl.length;
    }
}
