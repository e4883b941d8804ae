// Where a practitioner's leave falls in one location's zone: instants as they are; whole days (dates) from the start
// of the first to the end of the last day in that zone, so one leave covers the same days in Sydney and in Perth.
import { addDays, localTimeToMs } from "./local-time";
import type { LocalDate } from "./slot-types";

export interface LeaveTimes {
  start: Date;
  end: Date;
  startsOn: LocalDate | null;
  endsOn: LocalDate | null;
}

export function leaveSpanIn(leave: LeaveTimes, timezone: string): { start: Date; end: Date } {
  if (leave.startsOn === null || leave.endsOn === null) return { start: leave.start, end: leave.end };
  return {
    start: new Date(localTimeToMs(leave.startsOn, "00:00", timezone)),
    end: new Date(localTimeToMs(addDays(leave.endsOn, 1), "00:00", timezone)),
  };
}
