//! Great-circle distance, through `geo`'s haversine measure.

use geo::{Distance, Haversine, Point};

/// Haversine distance between two points, in kilometres.
pub fn haversine_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Haversine.distance(a, b) / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn baghdad_to_ramadi() {
        let d = haversine_km(Point::new(44.4009, 33.3406), Point::new(43.3078, 33.4206));
        assert!((d - 102.0).abs() < 3.0, "{d}");
    }
}
