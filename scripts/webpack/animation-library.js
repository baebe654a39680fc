// Stands in for `@twilio-paste/animation-library` (react-spring 9, pre-bundled, about 18 KB gzip)
// for the Paste packages of the plugin that use it (see webpack.config.js): Button, Modal and the
// theme providers. It renders what react-spring renders with every animation skipped — what Paste
// itself does under `disableAnimations` or `prefers-reduced-motion` (react-spring's
// `Globals.skipAnimation`): a spring is at its target at once, a transition's item shows with its
// `enter` style and goes at once when it leaves. Only the forms those packages use are supported;
// any other fails loudly instead of answering wrongly.
import * as React from 'react';

function unsupported(what) {
  throw new Error(`@twilio-paste/animation-library: ${what} is not included in the Messaging Setup plugin's stand-in`);
}

// react-spring's web host turns these keys of an animated style into one `transform`.
const TRANSFORMS = { x: 'translateX', y: 'translateY', translateX: 'translateX', translateY: 'translateY' };
const SPRING_OPTIONS = ['config', 'from', 'immediate', 'delay', 'reset', 'reverse', 'onStart', 'onChange', 'onRest'];

/** The style an animation ends at: its values, with the transform shorthands as one `transform`. */
function finalStyle(values) {
  if (values === null || values === undefined) return {};
  if (typeof values !== 'object' || Array.isArray(values)) return unsupported('a style given as a function or steps');
  const style = {};
  const transforms = [];
  for (const [key, value] of Object.entries(values)) {
    if (SPRING_OPTIONS.includes(key)) continue;
    if (key === 'to') Object.assign(style, finalStyle(value));
    else if (TRANSFORMS[key])
      transforms.push(`${TRANSFORMS[key]}(${typeof value === 'number' ? `${value}px` : value})`);
    else style[key] = value;
  }
  if (transforms.length > 0) style.transform = [style.transform, ...transforms].filter(Boolean).join(' ');
  return style;
}

export function useSpring(props) {
  if (typeof props !== 'object' || props === null) return unsupported('useSpring with a function');
  if (props.onRest) return unsupported('useSpring with onRest');
  return finalStyle(props);
}

export function useTransition(data, props) {
  if (props.keys || typeof props.enter === 'function')
    return unsupported('useTransition with keys or an enter function');
  const items = Array.isArray(data) ? data : [data];
  const style = finalStyle(props.enter);
  return (render) =>
    React.createElement(
      React.Fragment,
      null,
      items.map((item, index) => React.createElement(React.Fragment, { key: index }, render(style, item, {}, index))),
    );
}

/** `animated.div` and `animated(Component)`: with nothing animated, the element or component itself. */
export const animated = new Proxy((component) => component, { get: (_target, tag) => tag });

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the user asks for reduced motion (as react-spring's hook reads it, following changes). */
export function useReducedMotion() {
  const query = React.useMemo(
    () => (typeof globalThis.matchMedia === 'function' ? globalThis.matchMedia(REDUCED_MOTION) : undefined),
    [],
  );
  const [reduced, setReduced] = React.useState(query ? query.matches : false);
  React.useEffect(() => {
    if (!query) return undefined;
    const update = () => setReduced(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [query]);
  return reduced;
}

/** react-spring's globals: the theme providers set `skipAnimation`, which is always so here. */
export const Globals = { assign() {} };

export const interpolate = () => unsupported('interpolate');
export const isRenderingOnServer = typeof window === 'undefined';
export const useChain = () => unsupported('useChain');
export const useSprings = () => unsupported('useSprings');
export const useTrail = () => unsupported('useTrail');
