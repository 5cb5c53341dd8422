package tw.enforce.sim.sprite;

import tw.enforce.runtime.geometry.ImagePoint;

/** Where a vehicle's rear plate sits in its sprite, in sprite pixels, corners clockwise from top left. */
public record PlateQuad(ImagePoint topLeft, ImagePoint topRight, ImagePoint bottomRight, ImagePoint bottomLeft) {

    public static PlateQuad ofRect(double x, double y, double w, double h) {
        return new PlateQuad(new ImagePoint(x, y), new ImagePoint(x + w, y), new ImagePoint(x + w, y + h),
                new ImagePoint(x, y + h));
    }

    public ImagePoint[] corners() {
        return new ImagePoint[] {topLeft, topRight, bottomRight, bottomLeft};
    }

    public double width() {
        return (topRight.u() - topLeft.u() + bottomRight.u() - bottomLeft.u()) / 2;
    }

    public double centerU() {
        return (topLeft.u() + topRight.u() + bottomRight.u() + bottomLeft.u()) / 4;
    }

    public double centerV() {
        return (topLeft.v() + topRight.v() + bottomRight.v() + bottomLeft.v()) / 4;
    }
}
