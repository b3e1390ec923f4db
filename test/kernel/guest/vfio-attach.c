/*
 * The guest's one native helper, for what Node cannot do itself.
 *   vfio-attach           fd 3 is an open /dev/vfio/vfio container, fd 4 an open
 *                         /dev/vfio/GROUP: VFIO_GROUP_SET_CONTAINER, as QEMU does,
 *                         which claims the group's DMA ownership. The attachment
 *                         lives on in the caller's open files. Exit status: 0 or errno.
 *   vfio-attach strerror  prints "N MESSAGE" for every errno, so that the messages
 *                         iproute2 and kmod print can be read back as errno names.
 */
#include <errno.h>
#include <linux/vfio.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "strerror") == 0) {
		for (int n = 1; n < 134; n++)
			printf("%d %s\n", n, strerror(n));
		return 0;
	}
	int container = 3;
	if (ioctl(4, VFIO_GROUP_SET_CONTAINER, &container) != 0)
		return errno;
	return 0;
}
