package com.beershop.reco.job;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.stereotype.Component;

/**
 * The application version from build info (META-INF/build-info.properties) and the git commit of the build
 * (git.properties, from git-commit-id-maven-plugin), for the run history.
 */
@Component
public class AppVersion {

    private final String value;
    private final String gitCommit;

    public AppVersion(ObjectProvider<BuildProperties> buildProperties, ObjectProvider<GitProperties> gitProperties) {
        BuildProperties build = buildProperties.getIfAvailable();
        this.value = build == null ? "unknown" : build.getVersion();
        GitProperties git = gitProperties.getIfAvailable();
        this.gitCommit = git == null ? null : git.getCommitId();
    }

    /** The full commit id, or null for a build made without a .git directory. */
    public String gitCommit() {
        return gitCommit;
    }

    public String value() {
        return value;
    }
}
