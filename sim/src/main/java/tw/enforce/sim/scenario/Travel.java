package tw.enforce.sim.scenario;

/** Which way traffic in a lane (or one vehicle) moves: APPROACH towards the junction (+y), OPPOSITE away from it (−y). */
public enum Travel {
    APPROACH(1), OPPOSITE(-1);

    private final int sign;

    Travel(int sign) {
        this.sign = sign;
    }

    /** +1 for travel towards +y, −1 otherwise. */
    public int sign() {
        return sign;
    }
}
