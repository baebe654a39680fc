// Stands in for `@twilio-paste/reakit-library` in the plugin bundle (see webpack.config.js).
//
// That package is one pre-bundled file holding all of reakit plus popper.js (~108 KB minified), so
// webpack 4 keeps all of it even though the plugin only uses the tabs. It re-exports these names
// from reakit unchanged; reakit's own ES build is one module per component and side-effect free,
// so re-exporting from it lets webpack keep only what is used. webpack.config.js uses this file
// only when the installed reakit is the exact version reakit-library was built from.
export {
  useCompositeState,
  Composite,
  CompositeGroup,
  CompositeItem,
  useDisclosureState,
  Disclosure,
  DisclosureContent,
  useMenuState,
  Menu,
  MenuGroup,
  MenuItem,
  MenuItemCheckbox,
  MenuItemRadio,
  MenuButton,
  MenuSeparator,
  usePopoverState,
  Popover,
  PopoverDisclosure,
  Portal,
  useTabState,
  Tab,
  TabList,
  TabPanel,
  useTooltipState,
  Tooltip,
  TooltipReference,
} from 'reakit';
// Paste's own two components: taken from the original file, which is then bundled only if used.
export { PopoverArrow, TooltipArrow } from '@twilio-paste/reakit-library/dist/index.es.js';
