package com.beershop.reco;

import com.beershop.reco.mode.Mode;
import com.beershop.reco.mode.Modes;
import com.beershop.reco.outcome.ExitCodes;
import com.beershop.reco.outcome.RunRefusedException;
import com.beershop.reco.tracking.RunMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Picks the mode from the first argument and runs it; its exit code becomes the process's. */
@Component
public class ModeRunner implements ApplicationRunner, ExitCodeGenerator {

    /** The modes a command line can run ({@code help} is answered before Spring starts). */
    public static final List<String> MODES = Modes.names();
    private static final Logger log = LoggerFactory.getLogger(ModeRunner.class);

    private final Map<RunMode, Mode> modes = new EnumMap<>(RunMode.class);
    private int exitCode = ExitCodes.OK;

    ModeRunner(List<Mode> modes) {
        modes.forEach(mode -> this.modes.put(mode.usage().mode(), mode));
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        String problem = Modes.usageProblem(words);
        if (problem != null) {
            throw RunRefusedException.configuration(problem);
        }
        RunMode name = Modes.of(words);
        log.info("beer-reco-batch mode '{}'", name.word());
        Mode mode = modes.get(name);
        if (mode == null) {
            throw new IllegalStateException("no bean runs mode " + name.word());
        }
        exitCode = mode.run(words.isEmpty() ? List.of() : words.subList(1, words.size()));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
