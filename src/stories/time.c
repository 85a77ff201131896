/*
 * time.c: ISO 8601 dates and date-times as seconds since 1970, UTC
 * (precis_parse_time).  The forms news feeds use: a date, a date and time
 * with "T" or a space, optional seconds and fraction, and "Z" or an offset
 * (+02:00, -0500).  No time zone: UTC.  Written out, not left to strptime,
 * whose handling of offsets differs between C libraries.
 */
#include "precis_stories.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"

/* n digits at *p as a number, advancing p; -1 when they are not digits. */
static long digits(const char **p, int n)
{
    long v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)(*p)[i]))
            return -1;
        v = v * 10 + ((*p)[i] - '0');
    }
    *p += n;
    return v;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int days_in_month(long y, long m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

precis_status precis_parse_time(const char *text, double *seconds, precis_error *err)
{
    if (!text || !seconds)
        return PRECIS_FAIL(err, PRECIS_E_ARGUMENT, NULL, 0, "precis_parse_time: NULL argument");
    const char *p = text;
    long y = digits(&p, 4), mo = -1, d = -1, h = 0, mi = 0, sec = 0;
    double frac = 0;
    if (y >= 0 && *p == '-' && (p++, mo = digits(&p, 2)) >= 0 && *p == '-')
        p++, d = digits(&p, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
        return PRECIS_FAIL(err, PRECIS_E_FORMAT, NULL, 0,
                           "'%.40s' is not an ISO 8601 date (YYYY-MM-DD)", text);
    if (*p == 'T' || *p == 't' || *p == ' ') {
        p++;
        h = digits(&p, 2);
        if (h < 0 || *p != ':')
            goto bad;
        p++;
        mi = digits(&p, 2);
        if (mi < 0)
            goto bad;
        if (*p == ':') {
            p++;
            sec = digits(&p, 2);
            if (sec < 0)
                goto bad;
            if (*p == '.' || *p == ',') {
                double scale = 0.1;
                for (p++; isdigit((unsigned char)*p); p++, scale /= 10)
                    frac += (*p - '0') * scale;
            }
        }
        if (h > 23 || mi > 59 || sec > 60)
            goto bad;
    }
    long offset = 0;
    if (*p == 'Z' || *p == 'z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        int sign = *p == '-' ? -1 : 1;
        p++;
        long oh = digits(&p, 2), om = 0;
        if (oh < 0)
            goto bad;
        if (*p == ':')
            p++;
        if (isdigit((unsigned char)*p) && (om = digits(&p, 2)) < 0)
            goto bad;
        if (oh > 23 || om > 59)
            goto bad;
        offset = sign * (oh * 3600 + om * 60);
    }
    if (*p)
        goto bad;
    *seconds = (double)days_from_civil(y, mo, d) * 86400.0 + (double)(h * 3600 + mi * 60 + sec) +
               frac - (double)offset;
    return PRECIS_OK;
bad:
    return PRECIS_FAIL(err, PRECIS_E_FORMAT, NULL, 0,
                       "'%.40s' is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])",
                       text);
}
