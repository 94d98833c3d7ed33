package com.beershop.reco.job;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** The application version from build info (META-INF/build-info.properties), for the run history. */
@Component
public class AppVersion {

    private final String value;

    public AppVersion(ObjectProvider<BuildProperties> buildProperties) {
        BuildProperties build = buildProperties.getIfAvailable();
        this.value = build == null ? "unknown" : build.getVersion();
    }

    public String value() {
        return value;
    }
}
