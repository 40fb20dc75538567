"""Walking-access algorithms (社区生活圈); listed in the City indicators group, which they feed."""
