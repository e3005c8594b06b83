-- The newest seq in the log (0 when none) and the seq up to which it has been pruned.
SELECT coalesce((SELECT max(seq) FROM live_change), (SELECT pruned_through FROM live_log_horizon), 0),
       (SELECT pruned_through FROM live_log_horizon)
