// Command composecheck loads a Compose file the way `docker compose config` does, with compose-go (the Compose
// Specification's reference loader, which Docker Compose itself uses): YAML, interpolation of ${VARIABLES} from the
// environment, validation against the Compose Specification's JSON schema, normalization and the consistency
// checks (depends_on, volumes and networks that exist). It prints what it loaded and exits 1 on the first error.
// Built and run by deploy/validate.sh. (compose-go's own cmd/ reads no environment when it interpolates, so a
// file with required variables cannot pass it: hence this.)
package main

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/compose-spec/compose-go/v2/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: composecheck COMPOSE_FILE")
		os.Exit(2)
	}
	options, err := cli.NewProjectOptions([]string{os.Args[1]},
		cli.WithOsEnv,
		cli.WithInterpolation(true),
		cli.WithNormalization(true),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		fmt.Fprintf(os.Stderr, "composecheck: %v\n", err)
		os.Exit(1)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fmt.Fprintf(os.Stderr, "INVALID %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
	names := project.ServiceNames()
	sort.Strings(names)
	fmt.Printf("compose: %s valid (project %s): %d services %v, %d volumes\n",
		os.Args[1], project.Name, len(names), names, len(project.Volumes))
}
