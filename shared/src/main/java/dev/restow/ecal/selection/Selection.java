package dev.restow.ecal.selection;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Which ECAL recordings a migration covers: exactly one of an explicit id list, one
 * recording date, or an inclusive date range on {@code recording_start_time}.
 */
public sealed interface Selection permits Selection.ByIds, Selection.OnDate, Selection.Between {

    /** A short human description, e.g. {@code "ids [a, b]"}, {@code "date 2025-02-14"}. */
    String describe();

    /** Explicit ECAL ids, in the order given. */
    record ByIds(List<String> ids) implements Selection {
        public ByIds {
            Objects.requireNonNull(ids, "ids");
            ids = List.copyOf(ids);
        }

        @Override
        public String describe() {
            return "ids " + ids;
        }
    }

    /** Recordings whose {@code recording_start_time} falls on this calendar date. */
    record OnDate(LocalDate date) implements Selection {
        public OnDate {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public String describe() {
            return "date " + date;
        }
    }

    /** Recordings whose {@code recording_start_time} date is in {@code [from, to]}, both inclusive. */
    record Between(LocalDate from, LocalDate to) implements Selection {
        public Between {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
            }
        }

        @Override
        public String describe() {
            return "range " + from + ".." + to;
        }
    }
}
