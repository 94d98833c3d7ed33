# beer-reco-batch image: build the Boot jar, split it into its layers, run it as a non-root user.
#   docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD) -t beershop.azurecr.io/beer-reco-batch:<tag> .
#   docker run --rm -e SPRING_DATASOURCE_URL=... beershop.azurecr.io/beer-reco-batch:<tag> [run|migrate|evaluate|report]

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so a source change does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY . .
# .dockerignore keeps .git out of the context, so git-commit-id-maven-plugin finds no commit; the build passes it in
# and the run history records it (git_commit):
#   docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD) -t beershop.azurecr.io/beer-reco-batch:<tag> .
ARG GIT_COMMIT=
RUN if [ -n "$GIT_COMMIT" ]; then printf 'git.commit.id=%s\ngit.commit.id.abbrev=%.7s\n' "$GIT_COMMIT" "$GIT_COMMIT" > src/main/resources/git.properties; fi
# Also writes the CycloneDX SBOM (target/bom.json, and META-INF/sbom/application.cdx.json inside the jar).
# Extracted as app.jar and lib/ (no launcher): the JVM's class-data sharing archive holds classes from plain jars.
RUN mvn -B -DskipTests package \
 && cp target/beer-reco-batch-*.jar app.jar \
 && java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# A full JRE: LibRec needs the java.desktop module.
FROM eclipse-temurin:17-jre
# A fixed numeric UID/GID, so the pod's runAsNonRoot / runAsUser 10001 can be checked against the image.
RUN groupadd --system --gid 10001 reco \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --shell /usr/sbin/nologin reco
# tini, from the base image's own (Ubuntu) packages, is PID 1 so that java is not: see the ENTRYPOINT.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# Least likely to change first. Files stay owned by root: the job cannot modify its own code.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Class-data sharing: a training run starts Spring's context on the default configuration (an in-memory H2 database,
# nothing outside the image) and writes the classes it loaded to an archive; each night maps them in instead of
# loading them again (Spring's start 2.0 s -> 1.6 s in the nightly benchmark, docs/performance.md). The archive is
# root's and read-only; a JVM that cannot use it (another JDK build) starts as before. It is made with the module
# options the ENTRYPOINT starts with.
# --add-modules=jdk.incubator.vector: the iALS vector kernels, 20-27 % faster training to the same bits
# (model/ials/RowKernels; a JVM without the option runs the scalar kernels). A JRE without the module would refuse to
# start with the option: this RUN then fails the image's build, not a night.
RUN java -XX:ArchiveClassesAtExit=/app/app.jsa --add-modules=jdk.incubator.vector -Dspring.context.exit=onRefresh -jar /app/app.jar
USER 10001:10001
# Only /tmp is written (an emptyDir in Kubernetes, where the root filesystem is read-only).
# PID 1 is tini, which forwards SIGTERM to java and exits with java's code: the kernel drops a signal that PID 1 sends
# itself, so java as PID 1 turned its out-of-memory abort into exit 127 (OutOfMemoryExitCodeTest runs this command
# as PID 1 of a PID namespace of its own).
# OutOfMemoryError: -XX:+CrashOnOutOfMemoryError aborts the JVM at the first one, caught or not, with exit code 134
# (ExitCodes.OUT_OF_MEMORY) and an hs_err file in /tmp; the log gets "Aborting due to java.lang.OutOfMemoryError".
# Not -XX:+ExitOnOutOfMemoryError: it exits with 3 (ExitCodes.REJECTED_INPUT). Not -XX:-CreateCoredumpOnCrash: with
# it the JVM exits 1 instead of aborting.
ENTRYPOINT ["/usr/bin/tini", "--", "java", "-XX:SharedArchiveFile=/app/app.jsa", "--add-modules=jdk.incubator.vector", "-XX:MaxRAMPercentage=75", "-XX:+CrashOnOutOfMemoryError", "-XX:ErrorFile=/tmp/hs_err_pid%p.log", "-Djava.io.tmpdir=/tmp", "-jar", "/app/app.jar"]
# The mode; Kubernetes' args replace it (args: ["migrate"] for the PreSync hook).
CMD ["run"]
