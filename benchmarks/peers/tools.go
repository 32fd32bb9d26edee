//go:build tools

// Package peers pins the tools scripts/bench --peers compares eksiam with. keikoproj/aws-auth
// is built from here (`go build github.com/keikoproj/aws-auth`): `go install …@v0.7.0` is
// refused by the module proxy's deprecation lookup.
package peers

import _ "github.com/keikoproj/aws-auth"
