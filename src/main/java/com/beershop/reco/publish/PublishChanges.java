package com.beershop.reco.publish;

/**
 * What a publish's statements did to the live table, net: a fallback's rows count once.
 *
 * @param copied the rows the run's staging held when the publish read them
 * @param way    "changed rows only" (and how they were found), or "full replace: " and why
 */
record PublishChanges(long removed, long kept, long inserted, long copied, String way) {
}
