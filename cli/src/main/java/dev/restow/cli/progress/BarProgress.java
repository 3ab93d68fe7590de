package dev.restow.cli.progress;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A terminal progress bar (me.tongfei progressbar) with counts and rate. */
final class BarProgress implements Progress {

    private final ProgressBar bar;

    BarProgress(PrintStream err, String task, long max, String unit) {
        this.bar = new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max <= 0 ? -1 : max)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .setUpdateIntervalMillis(200)
                .showSpeed(new DecimalFormat("0.0"))
                .setSpeedUnit(ChronoUnit.SECONDS)
                .setUnit(" " + unit, 1)
                .build();
    }

    @Override
    public synchronized void step(long n) {
        bar.stepBy(n);
    }

    @Override
    public synchronized void total(long max) {
        bar.maxHint(max);
    }

    @Override
    public synchronized void note(String text) {
        bar.setExtraMessage(text);
    }

    @Override
    public synchronized void close() {
        bar.close();
    }
}
