import type { ChalkInstance } from 'chalk';

/** One colour per event category, so a scan down the timeline shows its rhythm. */
export function categoryColor(style: ChalkInstance, category: string): ChalkInstance {
  switch (category) {
    case 'trial':
      return style.red;
    case 'mass-operation':
    case 'nkvd-order':
      return style.magenta;
    case 'nkvd':
      return style.blue;
    case 'military':
      return style.yellow;
    case 'culture':
      return style.green;
    case 'aftermath':
      return style.cyan;
    default:
      return style.gray;
  }
}
