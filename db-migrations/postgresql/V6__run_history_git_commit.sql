-- The git commit the running build was made from (git.properties, written by git-commit-id-maven-plugin), so a
-- history row says exactly which code produced it. NULL for rows written before this version, and for a build
-- made without a .git directory.
ALTER TABLE reco_run_history ADD COLUMN git_commit VARCHAR(40) NULL;
