"""Walking access to everyday services (社区生活圈): network distances from homes to the nearest
facility of each kind, coverage against the GB 50180-2018 life-circle thresholds, by district."""
