-- The second half of V3, in a batch of its own because it uses the column V3 adds: rows written before V3 hold
-- Map.toString() text in params, rejected_by_reason and step_seconds, which is not JSON. It moves, unchanged, to
-- pre_v3_text, and the three columns of those rows become NULL. Nothing is lost.
UPDATE reco_run_history
   SET pre_v3_text = CONCAT('params=', params, '; rejected_by_reason=', rejected_by_reason,
                            '; step_seconds=', step_seconds),
       params = NULL, rejected_by_reason = NULL, step_seconds = NULL;
