/*
 * A loop-back device for testing the channel subsystem (type "TEST").
 * WRITE (X'01') keeps up to 64 KiB of data; READ (X'02') returns it and
 * READ BACKWARD (X'0C') returns it last byte first, with incorrect length
 * when the count differs.  NO-OPERATION (X'03'), SENSE (X'04', one byte),
 * SENSE ID (X'E4').  Controls that make the device present a condition:
 * X'07' status modifier, X'0F' unit exception, X'13' wait until halted,
 * X'17' attention (unsolicited, after the channel program).  Any other
 * command is rejected (unit check, sense X'80').  The optional argument
 * is a file whose contents the device holds from the start (e.g. an IPL
 * record followed by the program).
 */
#ifndef VM390_DEVICES_TESTDEV_H
#define VM390_DEVICES_TESTDEV_H

#include "device.h"

device_create_fn testdev_create;

#endif
