-- How many users had a list in the generation a run put live, when every staged row was the model arm's: the next
-- night's online readout then looks up only the users who rated, instead of counting the generation's listed users
-- over all its staged rows (2.4 s of the 3.3 s readout at benchmark L). NULL for rows written before this version,
-- for runs that did not publish, and for generations with control-arm rows (the readout counts those in SQL).
ALTER TABLE reco_run_history ADD COLUMN listed_users BIGINT NULL;
